// Fails while its module loads, as a worker with a broken import would.
throw new Error("broken on purpose");
