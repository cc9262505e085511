// expect: SyntaxError at 3:8
'use strict';
if (x) function f() {}
