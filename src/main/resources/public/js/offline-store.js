// IndexedDB of issue 18: "meta" (per user: the salt, the iteration count, a sealed check value and the
// operator's limits; nothing of a note), "notes" (the notes of members opened, sealed, with when they were
// saved) and "queue" (changes made while the service could not be reached, sealed, in order).
const NAME = "smartsync-offline";
let opening = null;

function db() {
  opening ??= new Promise((resolve, reject) => {
    const r = indexedDB.open(NAME, 1);
    r.onupgradeneeded = () => {
      r.result.createObjectStore("meta", { keyPath: "userId" });
      r.result.createObjectStore("notes", { keyPath: "id", autoIncrement: true });
      r.result.createObjectStore("queue", { keyPath: "seq", autoIncrement: true });
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  return opening;
}

async function run(store, mode, work) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const tx = d.transaction(store, mode);
    const request = work(tx.objectStore(store));
    tx.oncomplete = () => resolve(request?.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const get = (store, key) => run(store, "readonly", (s) => s.get(key));
export const all = (store) => run(store, "readonly", (s) => s.getAll());
/** Answers the record's key (a new one for a record without). */
export const put = (store, value) => run(store, "readwrite", (s) => s.put(value));
export const remove = (store, key) => run(store, "readwrite", (s) => s.delete(key));
export const clear = (store) => run(store, "readwrite", (s) => s.clear());
