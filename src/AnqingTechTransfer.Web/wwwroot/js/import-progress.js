// An import's or a background export's page (Features/Imports/Show.cshtml) while it runs: polls its progress (JSON) every second, updates
// the bar and the counts, and reloads the page to show the result once the import has ended. Without this script the
// page offers a refresh link.
(function () {
    'use strict';

    var box = document.getElementById('import-status');
    if (!box) {
        return;
    }

    var url = box.getAttribute('data-progress-url');
    var bar = document.getElementById('import-progress');
    var fields = { read: 'progress-read', passed: 'progress-passed', rejected: 'progress-rejected' };

    function show(p) {
        document.getElementById('import-state').textContent = p.stateName;
        bar.value = p.percent;
        bar.textContent = p.percent + '%';
        Object.keys(fields).forEach(function (key) {
            var field = document.getElementById(fields[key]);
            if (field) { // an export's page shows only the rows written
                field.textContent = p[key];
            }
        });
    }

    function poll() {
        fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error(response.status);
                }
                return response.json();
            })
            .then(function (p) {
                show(p);
                if (p.finished) {
                    window.location.reload();
                } else {
                    window.setTimeout(poll, 1000);
                }
            })
            .catch(function () {
                window.setTimeout(poll, 5000);
            });
    }

    window.setTimeout(poll, 500);
}());
