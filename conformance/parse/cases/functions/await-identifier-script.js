// expect: ok
var await = 1;
await;
