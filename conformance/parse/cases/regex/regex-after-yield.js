// expect: ok
function* g() { yield /a/; }
