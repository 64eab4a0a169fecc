/**
 * A WebGL frame drawn off the canvas, then put on it once drawn.
 *
 * Without a GPU, Chromium reads a WebGL canvas drawn into back at the next commit, and the read
 * waits until SwiftShader has done everything asked of it: the page's thread is blocked that long.
 * For a large graph's settled frame (10,000 actors and 39,600 lines) that wait was some 0.18 s of a
 * 0.31 s task here. Drawn into a framebuffer of its own, the frame marks the canvas as changed not at
 * all: the commit reads nothing, and SwiftShader draws while the page goes on. A fence placed after
 * the drawing says when it is done; the frame is then copied onto the canvas, which the next commit
 * reads back without waiting for any drawing.
 */

/** One frame drawn aside, until it is shown or dropped. */
export class FrameAside {
  private poll = 0;
  private ended = false;
  /** The task the copy onto the canvas waits for, once the fence has passed. */
  private copying: MessageChannel | null = null;

  private constructor(
    private readonly gl: WebGL2RenderingContext,
    private readonly framebuffer: WebGLFramebuffer,
    private readonly renderbuffer: WebGLRenderbuffer,
    private readonly sync: WebGLSync,
    private readonly size: { width: number; height: number },
    private readonly onShown: () => void,
  ) {
    this.poll = requestAnimationFrame(this.check);
  }

  /**
   * Runs `draw` with every binding of the canvas's own framebuffer (`null`) going to one of the
   * drawing buffer's size instead, made at the first such binding (after sigma has sized the
   * canvas for the frame). `onShown` is called once the frame is on the canvas, in the task that put
   * it there, or once the context is lost (nothing is shown then), and not if the frame is dropped.
   * Null when there is nothing to wait for, `onShown` never called: `draw` never drew on the canvas,
   * or no fence could be made (the frame is copied onto the canvas at once). What `draw` throws is thrown.
   */
  static draw(gl: WebGL2RenderingContext, draw: () => void, onShown: () => void): FrameAside | null {
    // A holder, as the binding below fills it in: a plain variable would read as never set.
    const holder: { made: { framebuffer: WebGLFramebuffer; renderbuffer: WebGLRenderbuffer; width: number; height: number } | null } = { made: null };
    const bind = WebGL2RenderingContext.prototype.bindFramebuffer;
    const aside = (): WebGLFramebuffer => {
      if (!holder.made) {
        const width = gl.drawingBufferWidth;
        const height = gl.drawingBufferHeight;
        const framebuffer = gl.createFramebuffer();
        const renderbuffer = gl.createRenderbuffer();
        gl.bindRenderbuffer(gl.RENDERBUFFER, renderbuffer);
        gl.renderbufferStorage(gl.RENDERBUFFER, gl.RGBA8, width, height);
        gl.bindRenderbuffer(gl.RENDERBUFFER, null);
        bind.call(gl, gl.FRAMEBUFFER, framebuffer);
        gl.framebufferRenderbuffer(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.RENDERBUFFER, renderbuffer);
        holder.made = { framebuffer, renderbuffer, width, height };
      }
      return holder.made.framebuffer;
    };
    const own = gl as unknown as { bindFramebuffer: WebGL2RenderingContext["bindFramebuffer"] };
    own.bindFramebuffer = (target, framebuffer) => bind.call(gl, target, framebuffer ?? aside());
    let drawn = false;
    try {
      draw();
      drawn = true;
    } finally {
      delete (own as Partial<typeof own>).bindFramebuffer;
      bind.call(gl, gl.FRAMEBUFFER, null);
      if (!drawn && holder.made) FrameAside.free(gl, holder.made.framebuffer, holder.made.renderbuffer);
    }
    if (!holder.made) return null;
    const { framebuffer, renderbuffer, width, height } = holder.made;
    const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    if (!sync) {
      // No fence to wait on: shown now, as it would have been drawn.
      FrameAside.copy(gl, framebuffer, width, height);
      FrameAside.free(gl, framebuffer, renderbuffer);
      return null;
    }
    // Sent now, or the fence would wait for whatever flushes next.
    gl.flush();
    return new FrameAside(gl, framebuffer, renderbuffer, sync, { width, height }, onShown);
  }

  /** Lets the frame go unshown: another is drawn on the canvas, or the renderer is going. */
  drop(): void {
    this.end();
  }

  private readonly check = (): void => {
    this.poll = 0;
    const gl = this.gl;
    if (gl.isContextLost()) {
      // Nothing will be drawn again on this context: the frame is no longer to come.
      this.end();
      this.onShown();
      return;
    }
    // A fence's status changes between tasks only, so looking once a frame is enough.
    if (gl.getSyncParameter(this.sync, gl.SYNC_STATUS) !== gl.SIGNALED) {
      this.poll = requestAnimationFrame(this.check);
      return;
    }
    // Copied in the task after this frame's, not in it: this frame's commit would read the canvas
    // back as soon as the copy was asked for, waiting for SwiftShader to make it (some 15 ms at
    // 1,280 × 700 here). Sent at once, the copy is made while the page waits for the next frame.
    this.copying = new MessageChannel();
    this.copying.port1.onmessage = () => {
      this.copying = null;
      if (this.ended) return;
      FrameAside.copy(gl, this.framebuffer, this.size.width, this.size.height);
      gl.flush();
      this.end();
      this.onShown();
    };
    this.copying.port2.postMessage(null);
  };

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.copying?.port1.close();
    this.copying = null;
    if (this.poll) cancelAnimationFrame(this.poll);
    this.poll = 0;
    if (this.gl.isContextLost()) return;
    this.gl.deleteSync(this.sync);
    FrameAside.free(this.gl, this.framebuffer, this.renderbuffer);
  }

  /** The frame onto the canvas, pixel for pixel (both are single-sampled RGBA of the same size). */
  private static copy(gl: WebGL2RenderingContext, framebuffer: WebGLFramebuffer, width: number, height: number): void {
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, framebuffer);
    gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, null);
    gl.blitFramebuffer(0, 0, width, height, 0, 0, width, height, gl.COLOR_BUFFER_BIT, gl.NEAREST);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  }

  private static free(gl: WebGL2RenderingContext, framebuffer: WebGLFramebuffer, renderbuffer: WebGLRenderbuffer): void {
    gl.deleteFramebuffer(framebuffer);
    gl.deleteRenderbuffer(renderbuffer);
  }
}
