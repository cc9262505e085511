// expect: ok
var r = /[\p{L}--[a-z]]/v;
