// Compatibility shim for Node 20 (see README "Node ≥ 20" and docs/design.md).
//
// Langium 4.4 depends on chevrotain 13.2, which calls `Object.groupBy` (Node ≥ 21) when the parser
// checks its grammar. Node 20 is still what this machine, CI and the offline editor used for the
// extension tests (code-server 4.100.3) run on, so every entry point (CLI, language server, test
// setup, `langium generate` through `node --import`) imports this module first. It installs a
// spec-conforming `Object.groupBy` only when the runtime lacks one; on Node ≥ 21 it does nothing.
if (typeof Object.groupBy !== 'function') {
    Object.defineProperty(Object, 'groupBy', {
        configurable: true,
        writable: true,
        enumerable: false,
        value: function groupBy(items, callback) {
            const groups = Object.create(null);
            let index = 0;
            for (const item of items) {
                const key = callback(item, index++);
                if (Object.prototype.hasOwnProperty.call(groups, key)) {
                    groups[key].push(item);
                } else {
                    groups[key] = [item];
                }
            }
            return groups;
        }
    });
}
