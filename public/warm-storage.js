// Starts opening the device database while the app's scripts are still loading. A classic
// script runs as soon as it is parsed, before the app's modules (which run after the whole
// page): at a cold start on a slow tablet, opening IndexedDB took a quarter of a second that
// the app then spent waiting. The app closes this connection once its own is open
// (src/main.tsx). It never creates or upgrades anything: with no database yet, the creation is
// undone, and a newer release that upgrades the schema closes this connection first.
(function () {
  if (!('indexedDB' in window)) return;
  try {
    var request = indexedDB.open('bewaar');
    request.onupgradeneeded = function () {
      request.transaction.abort();
    };
    request.onsuccess = function () {
      var db = request.result;
      db.onversionchange = function () {
        db.close();
      };
      window.__bewaarWarm = db;
    };
    request.onerror = function (event) {
      event.preventDefault();
    };
  } catch {
    // Storage blocked (private mode in some browsers): the app reports it when it opens.
  }
})();
