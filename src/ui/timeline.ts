import { addMonths, dayAt, dayIndex, dayInWords, TIMELINE, type TimelineEvent } from '../data/time.ts';
import type { Messages } from '../i18n/index.ts';
import { el } from './dom.ts';

/** How long each story step stays while the story plays: time to read a caption of a few lines. */
export const PLAY_STEP_MS = 4500;
/** A screen reader hears what changed once the slider rests this long, not at every day of a drag. */
const ANNOUNCE_AFTER_MS = 600;

export interface TimelineOptions {
  events: readonly TimelineEvent[];
  date: string;
  /** A date chosen on the timeline; `settled` once the slider rests or a step lands (not mid-drag). */
  onDate(day: string, how: { settled: boolean }): void;
  /** A step to an event (previous, next, or the story playing): where the map should go. */
  onStep(event: TimelineEvent, how: { playing: boolean }): void;
  /** What changed on the map between two days, read out after the date. */
  describe(from: string, to: string): string;
  t: Messages;
}

export interface Timeline {
  /** The strip under the map: steps, play, the slider and the date. */
  element: HTMLElement;
  /** The step's caption, for the text panel beside the map (or under the strip on a phone). */
  caption: HTMLElement;
  /** Shows a date set elsewhere (a link edited in the address bar), telling no one. */
  setDate(day: string): void;
  /** Stops the story playing, and every timer. */
  destroy(): void;
}

const LAST = dayIndex(TIMELINE.report);

/** The event whose caption the timeline shows on `day`: the last one on or before it. */
const eventOn = (events: readonly TimelineEvent[], day: string) => events.filter((e) => e.day <= day).at(-1);

function caption(
  event: TimelineEvent | undefined,
  first: TimelineEvent | undefined,
  t: Messages,
): HTMLElement[] {
  if (!event) {
    const when = first ? ` (${first.when.replace(/ \(.*/, '')})` : '';
    return [el('p', { class: 'timeline__when' }, t.timeline.before(when))];
  }
  const when = el('p', { class: 'timeline__when' }, el('strong', {}, event.title), ` — ${event.when}`);
  if (event.reportDate) when.append(t.timeline.reportSays(event.reportDate));
  const parts: HTMLElement[] = [when];
  if (event.excerpt) parts.push(el('blockquote', { lang: 'en' }, el('p', {}, event.excerpt)));
  else parts.push(el('p', { class: 'timeline__note' }, t.timeline.notInReport));
  parts.push(
    el(
      'p',
      { class: 'timeline__source' },
      t.timeline.dateSource(''),
      el('span', { lang: 'en' }, event.source),
    ),
  );
  return parts;
}

/**
 * The report's story in time under the map: a slider of days from before the first event to the
 * report's date, with its events marked, previous and next steps, and a play button that walks the
 * story at a readable pace. The caption gives the step's date as the report gives it and the
 * report's own words for it.
 */
export function createTimeline({ events, date, onDate, onStep, describe, t }: TimelineOptions): Timeline {
  let day = date;
  let announced = date;
  let playing: ReturnType<typeof setInterval> | undefined;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;

  const slider = el('input', {
    type: 'range',
    id: 'timeline-date',
    class: 'timeline__slider',
    min: '0',
    max: String(LAST),
    step: '1',
  });
  const label = el('label', { for: 'timeline-date', class: 'visually-hidden' }, t.timeline.date);
  const shown = el('output', { class: 'timeline__date', for: 'timeline-date' });
  const marks = el('div', { class: 'timeline__marks', 'aria-hidden': 'true' });
  for (const event of events) {
    const mark = el('span', { class: 'timeline__mark', title: `${event.title}: ${event.when}` });
    mark.style.setProperty('--at', String(dayIndex(event.day) / LAST));
    marks.append(mark);
  }
  const previous = el(
    'button',
    { type: 'button', class: 'timeline__step', 'aria-label': t.timeline.previous },
    '‹',
  );
  const next = el('button', { type: 'button', class: 'timeline__step', 'aria-label': t.timeline.next }, '›');
  const play = el(
    'button',
    { type: 'button', class: 'timeline__play', 'aria-pressed': 'false' },
    t.timeline.play,
  );
  const captionBox = el('div', { class: 'timeline__caption-text' });
  const live = el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });

  const show = (to: string) => {
    day = to;
    slider.value = String(dayIndex(to));
    const words = dayInWords(to, t);
    slider.setAttribute('aria-valuetext', words);
    shown.textContent = words;
    previous.disabled = !events.some((e) => e.day < to);
    next.disabled = !events.some((e) => e.day > to);
    captionBox.replaceChildren(...caption(eventOn(events, to), events[0], t));
  };
  const announce = (prefix = '') => {
    clearTimeout(announceTimer);
    live.textContent = `${prefix}${dayInWords(day, t)}. ${describe(announced, day)}`;
    announced = day;
  };
  const stopPlaying = () => {
    clearInterval(playing);
    playing = undefined;
    play.setAttribute('aria-pressed', 'false');
    play.textContent = t.timeline.play;
  };
  /** Goes to the next event (or the previous one); false when there is none. */
  const step = (forward: boolean, how: { playing: boolean }): boolean => {
    const target = forward ? events.find((e) => e.day > day) : events.filter((e) => e.day < day).at(-1);
    if (!target) return false;
    show(target.day);
    onDate(target.day, { settled: true });
    onStep(target, how);
    announce(`${target.title}. `);
    return true;
  };

  slider.addEventListener('input', () => {
    stopPlaying();
    show(dayAt(Number(slider.value)));
    onDate(day, { settled: false });
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => announce(), ANNOUNCE_AFTER_MS);
  });
  slider.addEventListener('change', () => onDate(day, { settled: true }));
  // Page Up and Page Down move a month, as the issue of a monthly report would; arrows a day.
  slider.addEventListener('keydown', (event) => {
    if (event.key !== 'PageUp' && event.key !== 'PageDown') return;
    event.preventDefault();
    const moved = dayIndex(addMonths(day, event.key === 'PageUp' ? 1 : -1));
    slider.value = String(Math.min(LAST, Math.max(0, moved)));
    slider.dispatchEvent(new Event('input'));
    slider.dispatchEvent(new Event('change'));
  });
  previous.addEventListener('click', () => {
    stopPlaying();
    step(false, { playing: false });
  });
  next.addEventListener('click', () => {
    stopPlaying();
    step(true, { playing: false });
  });
  play.addEventListener('click', () => {
    if (playing) {
      stopPlaying();
      return;
    }
    // From the end, the story starts again from before its first event.
    if (!events.some((e) => e.day > day)) {
      show(TIMELINE.first);
      onDate(TIMELINE.first, { settled: true });
    }
    play.setAttribute('aria-pressed', 'true');
    play.textContent = t.timeline.pause;
    step(true, { playing: true });
    playing = setInterval(() => {
      if (!step(true, { playing: true })) stopPlaying();
    }, PLAY_STEP_MS);
  });

  show(date);
  const element = el(
    'section',
    { class: 'timeline', 'aria-label': t.timeline.label },
    el(
      'div',
      { class: 'timeline__bar' },
      previous,
      play,
      next,
      el('div', { class: 'timeline__track' }, label, slider, marks),
      shown,
    ),
    live,
  );
  const captionSection = el(
    'section',
    { class: 'timeline__caption', 'aria-labelledby': 'timeline-caption-title' },
    el('h2', { id: 'timeline-caption-title' }, t.timeline.captionTitle),
    captionBox,
  );
  return {
    element,
    caption: captionSection,
    setDate(to) {
      if (to === day) return;
      stopPlaying();
      show(to);
      announced = to;
    },
    destroy() {
      stopPlaying();
      clearTimeout(announceTimer);
    },
  };
}
