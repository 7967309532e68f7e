// wagtailmedia's "add media" page: the title defaults to the chosen file's name
// (its own inline script, which the Content-Security-Policy blocks, did this).
document.addEventListener('DOMContentLoaded', function () {
  var fileWidget = document.getElementById('id_file');
  var titleWidget = document.getElementById('id_title');
  if (!fileWidget || !titleWidget) return;
  fileWidget.addEventListener('change', function () {
    if (titleWidget.value === '') {
      var parts = fileWidget.value.split('\\');
      titleWidget.value = parts[parts.length - 1].replace(/\.[^.]+$/, '');
    }
  });
});
