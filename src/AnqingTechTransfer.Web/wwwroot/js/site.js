// Confirmation before destructive or irreversible steps: <button data-confirm="确定…？">
document.addEventListener('submit', function (event) {
    // A form a validator has already stopped is not confirmed: the user corrects it first.
    if (event.defaultPrevented) {
        return;
    }
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

// A table wider than the screen scrolls sideways: keyboard users must be able to reach and scroll it too.
document.querySelectorAll('.table-responsive').forEach(function (region) {
    if (region.scrollWidth > region.clientWidth && !region.hasAttribute('tabindex')) {
        region.setAttribute('tabindex', '0');
        region.setAttribute('role', 'region');
        region.setAttribute('aria-label', '表格（可左右滑动查看）');
    }
});

// Phones (issue 25 §6): the folded filters (<details class="filter-fold">) open by themselves on a wide screen; on a phone they
// stay behind their 筛选 button. Without script they work as any <details>.
if (window.matchMedia && window.matchMedia('(min-width: 768px)').matches) {
    document.querySelectorAll('details.filter-fold').forEach(function (fold) { fold.open = true; });
}
