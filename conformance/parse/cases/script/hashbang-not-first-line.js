// expect: SyntaxError at 3:1

#!/usr/bin/env node
