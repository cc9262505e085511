// expect: ok
try {} catch {} finally {}
try {} catch ({ a }) {}
try {} finally {}
