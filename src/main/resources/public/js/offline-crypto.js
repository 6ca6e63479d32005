// The device key of issue 18: AES-GCM (256 bits) derived from the user's password with PBKDF2-SHA-256
// and the per-user salt the service hands out at sign-in. The key is made non-extractable and lives in
// memory only; each record gets a fresh 96-bit IV, and the record's kind is bound in as associated data,
// so a queued change cannot be passed off as a kept note or the check value.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function bytes(base64) {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

export async function deriveKey(password, salt, iterations) {
  const base = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "PBKDF2", hash: "SHA-256", salt: bytes(salt), iterations },
    base,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

/** {iv, data}: the value as JSON, encrypted. */
export async function seal(key, kind, value) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(kind) },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  return { iv, data };
}

/** The value sealed in `box`; throws when the key is not the one it was sealed with. */
export async function open(key, kind, box) {
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: box.iv, additionalData: encoder.encode(kind) },
    key,
    box.data,
  );
  return JSON.parse(decoder.decode(plain));
}

/** The fixed text sealed beside the data: opening it tells whether a typed password is the right one. */
export const CHECK = "smartsync device key";
