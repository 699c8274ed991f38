import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorFallback } from './error-fallback';

interface State {
  error: unknown;
  hasError: boolean;
}

interface Props {
  children: ReactNode;
  /** What "Try again" does; by default the boundary renders its children again. */
  onRetry?: () => void;
}

/**
 * Catches render errors: around the whole app (providers), and around the current page (see
 * `AppRoutes`), where the shell stays usable and a page's retry reloads it (a page whose code
 * failed to load needs a fresh fetch, not a re-render).
 */
export class AppErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, hasError: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, hasError: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Unhandled render error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.hasError) {
      return (
        <ErrorFallback
          error={this.state.error}
          onRetry={this.props.onRetry ?? (() => this.setState({ error: null, hasError: false }))}
        />
      );
    }
    return this.props.children;
  }
}
