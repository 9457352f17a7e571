/** Reads every row of every object store of a (fake) IndexedDB database as text, for scans. */
export async function rawDatabaseText(factory: IDBFactory, name: string): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const parts: string[] = [];
  const visit = (value: unknown): void => {
    if (value instanceof ArrayBuffer) value = new Uint8Array(value);
    if (value instanceof Uint8Array) {
      parts.push(new TextDecoder('utf-8').decode(value), new TextDecoder('utf-16le').decode(value));
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
    else parts.push(String(value));
  };
  for (const store of [...db.objectStoreNames]) {
    const request = db.transaction(store).objectStore(store).getAll();
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result as unknown[]);
      request.onerror = () => reject(request.error);
    });
    rows.forEach(visit);
  }
  db.close();
  return parts.join('\n');
}
