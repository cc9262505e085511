// expect: ok
debugger;
