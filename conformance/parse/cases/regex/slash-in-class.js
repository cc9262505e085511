// expect: ok
var r = /[/]/.source;
