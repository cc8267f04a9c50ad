/**
 * Parts of the pane the first screen does not show (the Settings and Functions tabs, with the A/B calculator and
 * its statistics; the column choices, with Fluent's dropdown and its positioning) load on demand from their own
 * chunks (issue 19): the import starts when the part is first shown (a tab: already when pointed at or focused);
 * a failed load says so in one sentence and offers to retry.
 */
import { Component, Suspense, createElement, lazy, useState, type ComponentType, type ReactNode } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from "@fluentui/react-components";
import { useI18n } from "./i18n";

export interface LazyPart<P extends object> {
  /** Starts the import (once; a failed import is tried again next time). */
  preload: () => void;
  /** The part, suspended until its chunk is in; a failure shows a retry message instead. */
  View: ComponentType<P & { name: string }>;
  /** `name`: the part in words for its loading and failure lines ("Settings tab"). */
}

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let pending: Promise<ComponentType<P>> | undefined;
  const get = () =>
    (pending ??= load().catch((err: unknown) => {
      pending = undefined; // webpack forgets a failed chunk too, so the next try requests it again.
      throw new PartLoadError(err);
    }));
  const preload = () => void get().catch(() => undefined);

  // One lazy component for the pane's life (a remount shows the part at once); a new one after a failure, since
  // React.lazy keeps a rejected import for good.
  const makeLazy = () => lazy(async () => ({ default: await get() })) as unknown as ComponentType<P>;
  let current = makeLazy();

  function View({ name, ...rest }: P & { name: string }) {
    const [{ Part, attempt }, setState] = useState(() => ({ Part: current, attempt: 0 }));
    const retry = () => {
      current = makeLazy();
      setState((s) => ({ Part: current, attempt: s.attempt + 1 }));
    };
    return (
      <LoadBoundary key={attempt} name={name} onRetry={retry}>
        <Suspense fallback={<Loading name={name} />}>{createElement(Part, rest as unknown as P)}</Suspense>
      </LoadBoundary>
    );
  }
  return { preload, View };
}

function Loading({ name }: { name: string }) {
  const { t } = useI18n();
  return <Spinner size="tiny" labelPosition="after" label={t("partLoading", { part: name })} />;
}

function LoadFailed({ name, onRetry }: { name: string; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{t("partLoadFailed", { part: name })}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onRetry}>
          {t("partLoadRetry")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** The chunk of a part did not arrive (offline, server gone); any other error is the part's own and passes on. */
class PartLoadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "PartLoadError";
  }
}

class LoadBoundary extends Component<{ name: string; onRetry: () => void; children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };
  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }
  override render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    if (!(error instanceof PartLoadError)) throw error;
    return <LoadFailed name={this.props.name} onRetry={this.props.onRetry} />;
  }
}
