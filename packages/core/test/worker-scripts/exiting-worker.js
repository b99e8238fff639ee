// Ends its thread while its module loads, before it could be ready.
process.exit(3);
