// mailauth's SPF (npm mailauth, installed by .ci/run into .ci/mailauth) as an SPF reference for
// SpfReferenceCrossCheckTest. Usage: node mailauth-spf.js MAILAUTH_DIR; reads
// "port<TAB>id<TAB>ip<TAB>mailfrom<TAB>helo" lines on stdin and prints "id<TAB>result" for each,
// asking only the DNS server on 127.0.0.1 at the line's port.
'use strict';
const path = require('path');
const readline = require('readline');
const { Resolver } = require('dns').promises;
const { spf } = require(path.resolve(process.argv[2], 'node_modules/mailauth/lib/spf'));

const resolvers = new Map();
function resolverFor(port) {
    if (!resolvers.has(port)) {
        const r = new Resolver({ timeout: 2000, tries: 1 });
        r.setServers(['127.0.0.1:' + port]);
        resolvers.set(port, (name, type) => r.resolve(name, type));
    }
    return resolvers.get(port);
}

const lines = readline.createInterface({ input: process.stdin });
const queue = [];
lines.on('line', line => queue.push(line));
lines.on('close', async () => {
    for (const line of queue) {
        if (!line) {
            continue;
        }
        const [port, id, ip, mailfrom, helo] = line.split('\t');
        let result;
        try {
            const r = await spf({ sender: mailfrom || undefined, ip, helo, mta: 'mx.receiver.test', resolver: resolverFor(port) });
            result = r.status.result;
        } catch (e) {
            result = 'crash:' + e.name;
        }
        process.stdout.write(id + '\t' + result + '\n');
    }
});
