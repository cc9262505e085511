// expect: ok
x = 1; <!-- a comment
--> also a comment
/* block
 */ --> a comment after a multi-line comment
