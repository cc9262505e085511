// expect: ok
var s = 'abc\
def';
var t = ' ';
