// expect: ok
var r = /(?<=a)b(?<!c)/;
