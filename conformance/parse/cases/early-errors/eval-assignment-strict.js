// expect: SyntaxError at 3:1
'use strict';
eval = 1;
