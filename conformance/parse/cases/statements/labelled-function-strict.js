// expect: SyntaxError at 3:4
'use strict';
l: function f() {}
