from django.http import HttpResponse


def endpoint(request):
    return HttpResponse(status=501)


def schema(request):
    return HttpResponse(status=501)
