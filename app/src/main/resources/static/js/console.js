// Upload an agreement file into the proposal's text box (read in the browser; nothing is sent until "Propose").
document.addEventListener('DOMContentLoaded', function () {
  var upload = document.getElementById('upload');
  var text = document.getElementById('yaml');
  if (!upload || !text) { return; }
  upload.addEventListener('change', function () {
    var file = upload.files && upload.files[0];
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () { text.value = reader.result; };
    reader.readAsText(file);
  });
});
