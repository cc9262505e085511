// expect: ok
var a;
var a;
function a() {}
