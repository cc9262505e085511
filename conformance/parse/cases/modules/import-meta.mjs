// expect: ok
var u = import.meta.url;
