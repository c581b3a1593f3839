import { parseFragment } from '/js/feed.js';

// Streams Timmy's answers on the home page. Without this module the chat panel still works as a plain
// form (post, answer, reload); with it, the form posts to /api/v1/chat/stream and the answer's tokens
// appear as they arrive. The turns come from the page's templates; streamed tokens are inserted as text until the
// server's Markdown rendering of the answer so far arrives (the stream's markdown events, ChatMarkdown), and the
// finished turn is replaced by the one the server rendered (ChatMessageView), so no turn markup is built here. A
// stopped answer keeps what arrived, in the page's "stopped" turn (as the server stores and draws it).

const form = document.querySelector('[data-chat-form]');
if (form) {
  wire(form);
}

function wire(form) {
  const log = document.querySelector('[data-chat-log]');
  const textarea = form.querySelector('textarea[name="message"]');
  const session = form.querySelector('[data-chat-session]');
  const send = form.querySelector('[data-chat-send]');
  let running = null;
  // The newest turn is at the bottom: open the conversation there.
  toBottom(log);

  textarea.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      // While an answer streams, Enter does nothing: only the Stop button stops it.
      if (!running) form.requestSubmit();
    }
  });

  // While an answer streams the send button is a Stop button. It is handled on click: the emptied,
  // required textarea would stop a form submission before any submit handler ran.
  send.addEventListener('click', (e) => {
    if (running) {
      e.preventDefault();
      running.abort();
    }
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (running) return;
    const message = textarea.value.trim();
    if (message.length === 0) return;
    running = new AbortController();
    setBusy(send, textarea, true);
    log.querySelector('[data-chat-empty]')?.remove();
    appendTurn(log, 'user').body.textContent = message;
    const answer = appendTurn(log, 'answer');
    textarea.value = '';
    try {
      await stream(message, session, answer, running.signal);
    } catch (err) {
      if (err.name === 'AbortError') {
        answer.stop();
      } else {
        answer.fail(`Timmy could not be reached: ${err.message}`);
      }
    } finally {
      running = null;
      setBusy(send, textarea, false);
      textarea.focus();
    }
  });
}

async function stream(message, session, answer, signal) {
  const response = await fetch('/api/v1/chat/stream', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify({ message, session_id: session.value || null }),
    signal,
  });
  if (!response.ok) {
    answer.fail(await problemText(response));
    return;
  }
  for await (const item of serverSentEvents(response.body, signal)) {
    switch (item.event) {
      case 'start': {
        const { session_id: id, conversation_html: link } = JSON.parse(item.data);
        if (session.value !== id) {
          session.value = id;
          listConversation(link);
          history.replaceState(null, '', `/?c=${encodeURIComponent(id)}`);
        }
        break;
      }
      case 'token':
        answer.append(item.data);
        break;
      case 'markdown':
        answer.render(JSON.parse(item.data).html);
        break;
      case 'done':
        answer.replace(JSON.parse(item.data).turn_html);
        return;
      case 'error': {
        const error = JSON.parse(item.data);
        answer.replace(error.turn_html);
        // Deleted while Timmy answered (from another tab): the next message starts a new conversation.
        if (error.conversation_deleted) session.value = '';
        return;
      }
    }
  }
  answer.fail('The connection closed before the answer finished.');
}

// Minimal server-sent events reader for a fetch body: events are separated by a blank line; an event's
// data is its data lines joined with newlines.
async function* serverSentEvents(body, signal) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  signal.addEventListener('abort', () => reader.cancel().catch(() => {}));
  let buffer = '';
  while (true) {
    const { value, done } = await reader.read();
    if (done) {
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      return;
    }
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0) yield { event, data: data.join('\n') };
    }
  }
}

async function problemText(response) {
  try {
    const problem = await response.json();
    const details = Object.values(problem.errors ?? {}).flat();
    return [problem.title, problem.detail, ...details].filter(Boolean).join(' — ');
  } catch {
    return `The server answered ${response.status} ${response.statusText}.`;
  }
}

// A new turn from the page's templates (ChatMessageView, rendered by the server), appended to the log.
function appendTurn(log, role) {
  const article = fromTemplate(role);
  log.append(article);
  toBottom(log);
  const turn = {
    body: article.querySelector('.chat-body'),
    append(text) {
      article.querySelector('[data-chat-thinking]')?.remove();
      // After a Markdown rendering, new text joins its last paragraph until the next rendering replaces it all.
      const last = turn.body.lastElementChild;
      (last?.tagName === 'P' ? last : turn.body).append(text);
      toBottom(log);
    },
    /** The answer so far as the server rendered its Markdown. */
    render(html) {
      article.querySelector('[data-chat-thinking]')?.remove();
      turn.body.classList.replace('chat-text', 'markdown');
      turn.body.replaceChildren(parseFragment(html));
      toBottom(log);
    },
    /** Stopped by the owner: what arrived stays, in the turn the server draws for a stopped answer. */
    stop() {
      const stopped = fromTemplate('stopped');
      if (turn.body.childNodes.length > 0) {
        turn.body.classList.remove('chat-streaming');
        stopped.querySelector('.chat-body').replaceWith(turn.body);
      }
      article.replaceWith(stopped);
      toBottom(log);
    },
    /** Swaps in the finished turn exactly as the server draws a stored one. */
    replace(html) {
      const finished = parseFragment(html).querySelector('article');
      if (finished) article.replaceWith(finished);
      toBottom(log);
    },
    fail(text) {
      const error = fromTemplate('error');
      error.querySelector('.chat-body').textContent = text;
      article.replaceWith(error);
      toBottom(log);
    },
  };
  return turn;
}

function fromTemplate(name) {
  return document.querySelector(`template[data-chat-template="${name}"]`).content.querySelector('article').cloneNode(true);
}

/** Scrolls the conversation (not the page) to its newest turn. */
function toBottom(log) {
  log.scrollTop = log.scrollHeight;
}

/** Lists a conversation the stream started, as the server drew its entry (ChatConversationLink), as the one shown. */
function listConversation(html) {
  const list = document.querySelector('.chat-session-list');
  if (!list) return;
  document.querySelector('.chat-sessions .empty')?.remove();
  list.querySelectorAll('a.active').forEach((a) => {
    a.classList.remove('active');
    a.removeAttribute('aria-current');
  });
  list.prepend(...parseFragment(html).children);
}

function setBusy(send, textarea, busy) {
  send.textContent = busy ? 'Stop' : 'Send';
  send.classList.toggle('danger', busy);
  textarea.setAttribute('aria-busy', String(busy));
}
