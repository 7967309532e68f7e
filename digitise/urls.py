from django.urls import path

from digitise import views

app_name = "digitise"
urlpatterns = [
    path("<int:scan_id>/<int:number>/image/", views.page_image, name="page_image"),
    path("<int:scan_id>/<int:number>/correct/", views.correct_page, name="correct"),
]
