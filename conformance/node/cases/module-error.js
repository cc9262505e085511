// Requiring a missing module is a catchable Error with code MODULE_NOT_FOUND; uncaught, it ends the program.
require('./fixtures/does-not-exist');
