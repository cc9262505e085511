console.log("Hello from Glass!");
