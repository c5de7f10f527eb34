// IndexedDB for Dexie in unit tests: a real in-memory implementation, not a mock.
import 'fake-indexeddb/auto';
