// expect: SyntaxError at 2:2
 #!/usr/bin/env node
