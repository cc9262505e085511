// expect: ok
tag`\unicode and \u{110000} and \xg and \01`;
