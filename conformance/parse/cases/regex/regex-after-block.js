// expect: ok
{}
/foo/g.test('x');
