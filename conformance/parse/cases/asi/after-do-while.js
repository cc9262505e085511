// expect: ok
do {} while (false) x = 1;
