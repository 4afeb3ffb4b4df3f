// Confirmation before destructive or irreversible steps: <button data-confirm="确定…？">
document.addEventListener('submit', function (event) {
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute('data-confirm')) || event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
        event.preventDefault();
        return;
    }
    // One click, one submission: the button is disabled while the page posts.
    if (submitter && !event.defaultPrevented) {
        window.setTimeout(function () { submitter.disabled = true; }, 0);
    }
});

// Print buttons: <button data-print> (no inline script under the CSP).
document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('[data-print]')) {
        window.print();
    }
});
