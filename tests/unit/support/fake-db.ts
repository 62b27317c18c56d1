import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { KioskDb } from '../../../renderer/storage/kiosk-db';

/** A fresh in-memory IndexedDB per test, so tests never share a queue. */
export function freshIndexedDb() {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function fakeKioskDb(idb = freshIndexedDb()) {
  return new KioskDb('hai-long-kiosk-test', idb);
}
