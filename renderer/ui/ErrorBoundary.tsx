import { Component, type ErrorInfo, type ReactNode } from 'react';
import { StaffPage } from './StaffPage';
import { ApologyScreen } from './MessageScreens';

interface Props {
  children: ReactNode;
  report: (where: string, error: unknown) => void;
  /** How long the apology stays before the kiosk starts afresh. */
  recoverAfterMs: number;
}

/**
 * A bug in a screen must never leave a citizen looking at a blank or broken page: apologise
 * calmly, keep the details for the technician, and start the kiosk afresh.
 */
export class ErrorBoundary extends Component<Props, { failed: boolean; generation: number }> {
  override state = { failed: false, generation: 0 };
  private timer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    this.props.report('render', { error, componentStack: info.componentStack });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.setState((s) => ({ failed: false, generation: s.generation + 1 })), this.props.recoverAfterMs);
  }

  override componentWillUnmount() {
    clearTimeout(this.timer);
  }

  override render() {
    if (this.state.failed) {
      return (
        <StaffPage>
          <ApologyScreen kind="internal" />
        </StaffPage>
      );
    }
    // A new generation remounts the kiosk: a fresh flow that recovers whatever was left open.
    return (
      <div key={this.state.generation} className="kiosk-root">
        {this.props.children}
      </div>
    );
  }
}
