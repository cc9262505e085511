// expect: SyntaxError at 3:1
'use strict';
delete x;
