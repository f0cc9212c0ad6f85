// Traces (ITI section V): the requester submits, the requested State acknowledges, asks and answers,
// the requester provides what was asked. Each step is a command signed in this page.
import { getJson, postJson, session } from './api.js';
import { chainRecords, pendingBadge, proveEntries } from './badges.js';
import { describe, el, failure, show } from './dom.js';
import { signCommand } from './dsse.js';

const ILLICIT_GROUNDS = ['ILLICIT_WHERE_FOUND', 'EMBARGO_BREACH', 'NOT_MARKED', 'UNLICENSED_MANUFACTURE', 'UNLICENSED_TRANSFER'];
const OUTCOMES = ['ANSWERED', 'ANSWERED_RESTRICTED', 'DELAYED', 'DECLINED', 'NOT_FOUND'];

export function traceViews({ route, signer }) {
  async function submitSigned(path, command) {
    const current = signer();
    if (!current) {
      throw new Error('signing needs your key: sign out and in again (the key is kept only until the page reloads)');
    }
    return postJson(path, await signCommand(command, current.actor, current.key));
  }

  function field(id, label, attributes = {}) {
    return [el('label', { for: id }, label), el('input', { id, name: id, ...attributes })];
  }

  function select(id, label, options, attributes = {}) {
    return [el('label', { for: id }, label),
      el('select', { id, name: id, ...attributes }, options.map((o) => el('option', { value: o }, o || '—')))];
  }

  function text(id, label, attributes = {}) {
    return [el('label', { for: id }, label), el('textarea', { id, name: id, rows: 2, ...attributes })];
  }

  function newTraceForm(status) {
    const form = el('form', { id: 'new-trace', onsubmit: async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const value = (name) => String(data.get(name) || '').trim() || undefined;
      const command = { type: 'SubmitTraceRequest',
        observedMarkings: [{ text: value('markingText'), component: value('markingComponent'), obliterated: data.get('obliterated') === 'on' }],
        kind: value('traceKind'), category: value('traceCategory'), calibre: value('traceCalibre'), make: value('traceMake'),
        model: value('traceModel'), recoveredAt: new Date(value('recoveredAt')).toISOString().replace(/\.\d+Z$/, 'Z'),
        recoveredPlace: value('recoveredPlace'), circumstances: value('circumstances'),
        illicitGrounds: data.getAll('illicitGrounds').map(String), legalBasis: value('legalBasis'),
        intendedUse: value('intendedUse'), priority: value('priority'),
        priorityJustification: value('priorityJustification'), requestedState: value('requestedState') };
      try {
        const answer = await submitSigned('/api/v1/traces', command);
        route(`#/trace/${answer.traceId}`);
      } catch (error) {
        status.replaceChildren(failure(error));
      }
    } },
    el('fieldset', {}, el('legend', {}, 'What was found'),
      field('markingText', 'Marking as read (? one unreadable character, * an unknown run)', { required: true }),
      select('markingComponent', 'On component', ['', 'FRAME', 'RECEIVER', 'FIRE_CONTROL_UNIT', 'SLIDE', 'BARREL', 'BOLT', 'GRIP', 'OTHER']),
      el('label', {}, el('input', { type: 'checkbox', name: 'obliterated', id: 'obliterated' }), ' partly obliterated'),
      select('traceKind', 'Kind', ['', 'WEAPON', 'PART']), field('traceCategory', 'Category'), field('traceCalibre', 'Calibre'),
      field('traceMake', 'Make'), field('traceModel', 'Model'),
      field('recoveredAt', 'Recovered at', { type: 'datetime-local', required: true }),
      field('recoveredPlace', 'Recovered at place', { required: true }), text('circumstances', 'Circumstances')),
    el('fieldset', {}, el('legend', {}, 'Why it is illicit (one or more)'),
      ILLICIT_GROUNDS.map((g) => el('label', {}, el('input', { type: 'checkbox', name: 'illicitGrounds', value: g }), ` ${g}`))),
    el('fieldset', {}, el('legend', {}, 'The request'),
      field('legalBasis', 'Legal basis', { required: true }), field('intendedUse', 'Intended use of the answer', { required: true }),
      select('priority', 'Priority', ['ROUTINE', 'URGENT']), text('priorityJustification', 'Why urgent (required if URGENT)'),
      field('requestedState', 'Requested State (empty: the ledger asks the State that marked the best match last)', { maxlength: 2 })),
    el('button', { type: 'submit' }, 'Sign and submit the trace request'));
    return form;
  }

  async function tracesPage() {
    const list = el('div', { id: 'trace-list', 'aria-live': 'polite' }, 'Loading…');
    const status = el('p', { role: 'status' });
    const role = session().role;
    const maySubmit = ['AUTHORITY', 'LAW_ENFORCEMENT', 'INVESTIGATOR'].includes(role);
    show(el('h1', {}, 'Trace requests'), list,
      maySubmit ? el('section', { 'aria-labelledby': 'new-trace-h' }, el('h2', { id: 'new-trace-h' }, 'New trace request'),
        newTraceForm(status), status) : '');
    try {
      const traces = await getJson('/api/v1/traces');
      list.replaceChildren(traces.length === 0 ? el('p', {}, 'No trace requests made by you or addressed to your State.')
        : el('table', {}, el('caption', {}, 'Made by you or addressed to your State'),
          el('thead', {}, el('tr', {}, ['Submitted', 'Status', 'Requester', 'Requested State', 'Priority'].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, traces.map((t) => el('tr', { class: 'trace' },
            el('td', {}, el('a', { href: `#/trace/${t.traceId}` }, new Date(t.submittedAt).toLocaleString())),
            el('td', {}, el('span', { class: 'status' }, t.status)), el('td', {}, t.requester), el('td', {}, t.requestedState),
            el('td', {}, t.priority))))));
    } catch (error) {
      list.replaceChildren(failure(error));
    }
  }

  function candidateView(candidate) {
    const diversion = candidate.pointOfDiversion;
    return el('li', { class: 'candidate' },
      el('h3', {}, el('a', { href: `#/item/${candidate.itemId}` }, `${candidate.make || ''} ${candidate.model || ''}`.trim() || candidate.itemId)),
      describe({ status: candidate.status, custodian: candidate.custodian, installedIn: candidate.installedIn && candidate.installedIn.itemId,
        formerlyInstalledIn: candidate.formerlyInstalledIn
          && `${candidate.formerlyInstalledIn.itemId} until ${new Date(candidate.formerlyInstalledIn.detachedAt).toLocaleString()}`,
        markings: candidate.markings.map((m) => m.text).join(', ') }),
      el('p', { class: 'last-legal' }, el('strong', {}, 'Last legal custodian: '), candidate.lastLegalCustodian || 'not established',
        candidate.lastLegalCustodianLicence ? ` (licence ${candidate.lastLegalCustodianLicence})` : ''),
      el('p', { class: 'diversion' }, el('strong', {}, 'Point of diversion: '), diversion
        ? `${diversion.kind}: ${diversion.recordType} of ${new Date(diversion.occurredAt).toLocaleString()} (record ${diversion.sequence})`
        : 'none recorded'),
      el('details', {}, el('summary', {}, `Custody chain: ${candidate.custodyChain.length} signed facts with inclusion proofs`),
        el('p', { class: 'chain-proof-summary', role: 'status' }, 'Checking every fact against the signed log…'),
        el('ol', { class: 'custody-chain' }, candidate.custodyChain.map((f) => el('li', { class: 'custody-fact',
          'data-stream': f.itemId, 'data-sequence': f.sequence }, `${f.type} by ${f.actor}, ${new Date(f.occurredAt).toLocaleString()}`,
          el('span', { class: 'muted' }, f.proof && f.proof.leafIndex !== null ? ` · leaf ${f.proof.leafIndex} of ${f.proof.treeSize}` : ''),
          pendingBadge())))));
  }

  /** Each candidate's custody facts proven in this browser, from the records of their streams' chains. */
  async function proveCandidates(list) {
    for (const candidate of list.querySelectorAll('li.candidate')) {
      const facts = [...candidate.querySelectorAll('li.custody-fact')];
      const summary = candidate.querySelector('.chain-proof-summary');
      let records;
      try {
        records = await chainRecords(facts.map((li) => li.dataset.stream));
      } catch (error) {
        summary.textContent = `the records could not be read: ${error.message}`;
        continue;
      }
      await proveEntries(facts.map((li) => ({ badge: li.querySelector('.badge'), stream: li.dataset.stream,
        sequence: li.dataset.sequence })), records, summary, () => 'the ledger served no such record');
    }
  }

  function actionForm(id, label, fields, toCommand, path, status, traceId) {
    const form = el('form', { id, class: 'trace-action', onsubmit: async (event) => {
      event.preventDefault();
      try {
        await submitSigned(path, toCommand(new FormData(form)));
        await tracePage(traceId);
      } catch (error) {
        status.replaceChildren(failure(error));
      }
    } }, fields, el('button', { type: 'submit' }, label));
    return form;
  }

  function actions(trace, status) {
    const me = session();
    const requested = me.role === 'AUTHORITY' && me.country === trace.requestedState;
    const requester = me.actorId === trace.requester;
    const id = trace.traceId;
    const base = `/api/v1/traces/${id}`;
    const forms = [];
    if (requested && trace.status === 'SUBMITTED') {
      forms.push(actionForm('acknowledge', 'Acknowledge receipt', [],
        () => ({ type: 'AcknowledgeTraceRequest', traceId: id }), `${base}/acknowledgement`, status, id));
    }
    if (requested && trace.status === 'ACKNOWLEDGED') {
      forms.push(actionForm('ask', 'Ask the requester', text('questions', 'Question', { required: true }),
        (d) => ({ type: 'RequestTraceInformation', traceId: id, questions: String(d.get('questions')) }), `${base}/information-request`, status, id));
      forms.push(actionForm('answer', 'Sign and send the answer', [
        select('outcome', 'Outcome', OUTCOMES), text('information', 'Information'), text('reason', 'Reason (restricted, delayed, declined)'),
        field('newDate', 'New date (delayed)', { type: 'date' }), field('useRestriction', 'Use restriction'),
        el('fieldset', {}, el('legend', {}, 'Identified items'), trace.report.candidates.map((c) =>
          el('label', {}, el('input', { type: 'checkbox', name: 'identifiedItems', value: c.itemId }), ` ${c.make || ''} ${c.model || ''} (${c.itemId})`)))],
      (d) => {
        const value = (name) => String(d.get(name) || '').trim() || undefined;
        return { type: 'AnswerTraceRequest', traceId: id, outcome: value('outcome'), information: value('information'),
          reason: value('reason'), newDate: value('newDate'), useRestriction: value('useRestriction'),
          identifiedItems: d.getAll('identifiedItems').map(String) };
      }, `${base}/answer`, status, id));
    }
    if (requester && trace.status === 'INFO_REQUESTED') {
      forms.push(actionForm('provide', 'Send the information', text('provided', 'Information', { required: true }),
        (d) => ({ type: 'ProvideTraceInformation', traceId: id, information: String(d.get('provided')) }), `${base}/information`, status, id));
    }
    return forms;
  }

  // Reads after this page's own write see it: api.js sends the write's position back (Ledger-After).
  async function tracePage(traceId) {
    show(el('h1', {}, 'Trace request'), el('p', { role: 'status' }, 'Loading…'));
    let trace;
    try {
      trace = await getJson(`/api/v1/traces/${traceId}`);
    } catch (error) {
      show(el('h1', {}, 'Trace request'), failure(error));
      return;
    }
    const status = el('p', { role: 'status', id: 'trace-action-status' });
    const candidates = el('ul', { id: 'candidates' }, trace.report.candidates.map(candidateView));
    show(el('h1', {}, 'Trace request'),
      el('p', { id: 'trace-status' }, el('strong', {}, trace.status), ` · ${trace.priority} · from ${trace.requester} (${trace.requesterCountry}) to ${trace.requestedState}`),
      trace.useRestriction ? el('p', { class: 'error' }, `Use restriction: ${trace.useRestriction}`) : '',
      el('section', {}, el('h2', {}, 'Request'), describe(trace.request)),
      el('section', {}, el('h2', {}, 'Steps'), el('ol', { id: 'trace-steps' }, trace.steps.map((s) => el('li', {},
        el('strong', {}, s.type), ` by ${s.actorId}, ${new Date(s.recordedAt).toLocaleString()}`, describe(s.facts))))),
      el('section', {}, el('h2', {}, 'Trace report'), el('p', { class: 'muted' }, `Proofs against checkpoint: ${(trace.report.checkpoint || '').split('\n').slice(0, 2).join(' size ')}`),
        candidates),
      el('section', {}, el('h2', {}, 'Your part'), actions(trace, status), status));
    await proveCandidates(candidates);
  }

  return { tracesPage, tracePage };
}
