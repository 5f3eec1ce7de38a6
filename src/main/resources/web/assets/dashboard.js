// The commitments dashboard, enhanced: a changed date or filter shows at once (the form's GET, as without script),
// and the timeline is drawn as a chart from the table the server rendered.
(function () {
  'use strict';
  const form = document.getElementById('filters');
  if (form) {
    ['as-of', 'guarantor', 'kind', 'status', 'source'].forEach(function (id) {
      const field = document.getElementById(id);
      if (field) {
        field.addEventListener('change', function () {
          if (field.type !== 'date' || field.value) {
            form.submit();
          }
        });
      }
    });
  }
  window.pledgeTimeline && window.pledgeTimeline('commitments', 'timeline', 'timeline-plot');
})();
