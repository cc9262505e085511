// An exception escaping a module body is the program's uncaught error.
import { count } from './fixtures/esm/counter.mjs';
console.log('count is', count);
null.property;
