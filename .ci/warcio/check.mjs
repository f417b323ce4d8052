// Reads a WARC file with warcio.js, an independent reader, and checks every
// record: it parses, and its WARC-Block-Digest (and, for HTTP records, its
// WARC-Payload-Digest) matches the bytes. Prints the counts as JSON; exits 1
// on any mismatch.
//
//   node check.mjs FILE.warc.gz
import fs from "node:fs";
import crypto from "node:crypto";
import { WARCParser } from "warcio";

const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32(buf) {
  let bits = 0, value = 0, out = "";
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  while (out.length % 8) out += "=";
  return out;
}

// matches tells whether a WARC digest field ("sha1:BASE32", or base16 or
// base64 of any algorithm node knows) is the digest of data.
function matches(field, data) {
  const i = field.indexOf(":");
  const algo = field.slice(0, i).toLowerCase().replace("-", "");
  const want = field.slice(i + 1);
  const sum = crypto.createHash(algo).update(data).digest();
  return [base32(sum), base32(sum).replace(/=+$/, ""), sum.toString("hex"), sum.toString("base64")]
    .some((s) => s.toLowerCase() === want.toLowerCase());
}

async function records(file, parseHttp) {
  const out = [];
  const parser = new WARCParser(fs.createReadStream(file), { parseHttp });
  for await (const record of parser) {
    const data = Buffer.from(await record.readFully(false));
    out.push({ record, data });
  }
  return out;
}

const file = process.argv[2];
const counts = { records: 0, warcinfo: 0, request: 0, response: 0, other: 0, blockDigests: 0, payloadDigests: 0 };
const errors = [];
// Pass 1, HTTP not parsed: the content is the whole block.
for (const { record, data } of await records(file, false)) {
  counts.records++;
  const type = record.warcType;
  counts[type in counts ? type : "other"]++;
  if (record.warcHeaders.protocol !== "WARC/1.1") {
    errors.push(`${type} ${record.warcTargetURI || ""}: version ${record.warcHeaders.protocol}, want WARC/1.1`);
  }
  const bd = record.warcBlockDigest;
  if (!bd) errors.push(`${type} ${record.warcTargetURI || ""}: no WARC-Block-Digest`);
  else if (!matches(bd, data)) errors.push(`${type} ${record.warcTargetURI}: block digest ${bd} is wrong`);
  else counts.blockDigests++;
}
// Pass 2, HTTP parsed: the content is the payload.
for (const { record, data } of await records(file, true)) {
  if (record.warcType !== "response" && record.warcType !== "request") continue;
  const pd = record.warcPayloadDigest;
  if (!pd) {
    if (record.warcType === "response") errors.push(`response ${record.warcTargetURI}: no WARC-Payload-Digest`);
    continue;
  }
  if (!matches(pd, data)) errors.push(`${record.warcType} ${record.warcTargetURI}: payload digest ${pd} is wrong`);
  else counts.payloadDigests++;
}
console.log(JSON.stringify({ ...counts, errors }));
process.exit(errors.length ? 1 : 0);
