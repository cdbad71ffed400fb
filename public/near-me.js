/* global document, navigator, location */
// "Use my location" on the centre directory: asks the phone for its position and opens the
// directory sorted by distance from it (/centres?lat=…&lng=…). The page works without it; the
// button only appears where the browser can locate. The position goes to the portal only, in
// the address, rounded to about 100 m.
;(function () {
  var box = document.querySelector('[data-near-me]')
  if (!box || !('geolocation' in navigator)) return
  var button = box.querySelector('[data-near-me-button]')
  var status = box.querySelector('[data-near-me-status]')
  var zh = document.documentElement.lang !== 'en'
  box.hidden = false
  button.addEventListener('click', function () {
    status.textContent = zh ? '正在定位…' : 'Finding where you are…'
    navigator.geolocation.getCurrentPosition(
      function (position) {
        // The directory the form opens (this page or, from the home page, /centres).
        var form = box.closest('form')
        var url = new URL(form ? form.action : location.href, location.href)
        url.searchParams.delete('near')
        url.searchParams.set('lat', position.coords.latitude.toFixed(3))
        url.searchParams.set('lng', position.coords.longitude.toFixed(3))
        location.href = url.toString()
      },
      function () {
        status.textContent = zh
          ? '没能定位。请在上面选择您住的居委/小区。'
          : 'Your location is not available. Please choose your neighbourhood above.'
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 },
    )
  })
})()
