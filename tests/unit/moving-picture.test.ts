import { EventEmitter } from "node:events";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { pictureShift, shiftTransform, type Point } from "../../src/render/moving-picture";

// Sigma's modules read WebGL constants when they load; node has no WebGL. The values do not matter here.
vi.hoisted(() => {
  const constants = new Proxy({}, { get: () => 0 });
  Object.assign(globalThis, { WebGLRenderingContext: constants, WebGL2RenderingContext: constants });
});

const apply = (shift: { scale: number; x: number; y: number }, p: Point): Point => ({ x: shift.scale * p.x + shift.x, y: shift.scale * p.y + shift.y });

describe("pictureShift", () => {
  it("gives a pan as a translation", () => {
    expect(pictureShift([{ x: 100, y: 50 }, { x: 300, y: 250 }], [{ x: 70, y: 90 }, { x: 270, y: 290 }])).toEqual({ scale: 1, x: -30, y: 40 });
  });

  it("gives a zoom about a point as a scale about the corner, then a translation", () => {
    // Zoomed in twice about (400, 300): that point stays, the others go twice as far from it.
    const shift = pictureShift([{ x: 300, y: 300 }, { x: 400, y: 200 }], [{ x: 200, y: 300 }, { x: 400, y: 100 }]);
    expect(shift).toEqual({ scale: 2, x: -400, y: -300 });
    expect(apply(shift!, { x: 400, y: 300 })).toEqual({ x: 400, y: 300 });
  });

  it("gives nothing for a turn, a flip or two drawn points in one place", () => {
    // A quarter turn: the same length, another direction.
    expect(pictureShift([{ x: 0, y: 0 }, { x: 100, y: 0 }], [{ x: 0, y: 0 }, { x: 0, y: 100 }])).toBeNull();
    // Half a turn (a mirror of the direction).
    expect(pictureShift([{ x: 0, y: 0 }, { x: 100, y: 0 }], [{ x: 0, y: 0 }, { x: -100, y: 0 }])).toBeNull();
    expect(pictureShift([{ x: 5, y: 5 }, { x: 5, y: 5 }], [{ x: 0, y: 0 }, { x: 10, y: 10 }])).toBeNull();
    // Both points now in one place: the picture would vanish, sigma draws instead.
    expect(pictureShift([{ x: 0, y: 0 }, { x: 10, y: 10 }], [{ x: 3, y: 3 }, { x: 3, y: 3 }])).toBeNull();
    expect(pictureShift([{ x: 0, y: 0 }, { x: 10, y: 10 }], [{ x: Number.NaN, y: 0 }, { x: 10, y: 10 }])).toBeNull();
  });

  it("takes every point of the picture where the same scale and translation take the two", () => {
    const coordinate = fc.double({ min: -5000, max: 5000, noNaN: true });
    const point = fc.record({ x: coordinate, y: coordinate });
    fc.assert(
      fc.property(point, point, point, fc.double({ min: 0.01, max: 100, noNaN: true }), coordinate, coordinate, (a, b, other, scale, x, y) => {
        fc.pre(Math.hypot(b.x - a.x, b.y - a.y) > 1);
        const moved = { scale, x, y };
        const shift = pictureShift([a, b], [apply(moved, a), apply(moved, b)]);
        expect(shift).not.toBeNull();
        const want = apply(moved, other);
        const got = apply(shift!, other);
        // Within rounding, relative to the size of the numbers involved.
        const tolerance = 1e-6 * (1 + Math.abs(scale) * 5000 + Math.abs(x) + Math.abs(y));
        expect(Math.abs(got.x - want.x)).toBeLessThan(tolerance);
        expect(Math.abs(got.y - want.y)).toBeLessThan(tolerance);
      }),
    );
  });
});

describe("shiftTransform", () => {
  it("writes the shift as CSS, translation first so the scale applies about the corner", () => {
    expect(shiftTransform({ scale: 1.5, x: -30, y: 12.5 })).toBe("translate(-30px, 12.5px) scale(1.5)");
  });
});

describe("MovingPicture", () => {
  /** A sigma reduced to what MovingPicture uses: a real camera, canvases' styles, captors, and a viewport 500 px to one graph unit. */
  async function setUp() {
    const { Camera } = await import("sigma");
    const { MovingPicture } = await import("../../src/render/moving-picture");
    const camera = new Camera();
    const drawOwn = vi.fn();
    // Sigma's own listener, there before the picture takes over.
    camera.on("updated", drawOwn);
    const events = new EventEmitter();
    const canvases = { edges: { style: {} as CSSStyleDeclaration }, labels: { style: {} as CSSStyleDeclaration }, mouse: { style: {} as CSSStyleDeclaration } };
    const container = new EventTarget();
    const mouse = { isMoving: false, currentWheelDirection: 0 };
    const fake = {
      getCamera: () => camera,
      getCanvases: () => canvases,
      getContainer: () => container,
      getMouseCaptor: () => mouse,
      getTouchCaptor: () => ({ isMoving: false }),
      framedGraphToViewport: (p: Point, { cameraState }: { cameraState: { x: number; y: number; ratio: number } }) => ({
        x: ((p.x - cameraState.x) / cameraState.ratio) * 500 + 400,
        y: ((p.y - cameraState.y) / cameraState.ratio) * 500 + 300,
      }),
      scheduleRender: vi.fn(),
      refresh: vi.fn(),
      on: (event: string, listener: () => void) => events.on(event, listener),
      off: (event: string, listener: () => void) => events.off(event, listener),
    };
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal("cancelAnimationFrame", () => frames.splice(0));
    const nextFrame = () => frames.splice(0).forEach((callback) => callback(0));
    // The fake has what the picture reads of sigma, not sigma's whole type.
    const picture = new MovingPicture(fake as unknown as ConstructorParameters<typeof MovingPicture>[0]);
    const drawn = () => events.emit("afterRender");
    const transforms = () => [canvases.edges.style.transform ?? "", canvases.labels.style.transform ?? "", canvases.mouse.style.transform ?? ""];
    return { camera, drawOwn, picture, fake, mouse, container, nextFrame, drawn, transforms };
  }

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("leaves every camera update to sigma until enabled", async () => {
    const { camera, drawOwn, transforms, fake } = await setUp();
    camera.setState({ x: 0.6 });
    expect(drawOwn).toHaveBeenCalledTimes(1);
    expect(transforms()).toEqual(["", "", ""]);
    expect(fake.scheduleRender).not.toHaveBeenCalled();
  });

  it("once enabled, shifts every canvas but the mouse layer on a pan, and on a zoom scales it about the corner, without sigma drawing", async () => {
    const { camera, drawOwn, picture, transforms } = await setUp();
    picture.enable();
    camera.setState({ x: 0.6 });
    // The camera went 0.1 to the right: the picture goes 50 px to the left.
    expect(transforms()).toEqual(["translate(-50px, 0px) scale(1)", "translate(-50px, 0px) scale(1)", ""]);
    camera.setState({ x: 0.5, ratio: 0.5 });
    // Twice as close about the view's centre (400, 300), which stays where it is.
    expect(transforms()[0]).toBe("translate(-400px, -300px) scale(2)");
    expect(drawOwn).not.toHaveBeenCalled();
  });

  it("has sigma draw once a frame passes without a camera update, a drag, a wheel or an animation, and undoes the shift as it draws", async () => {
    const { camera, picture, fake, mouse, nextFrame, drawn, transforms } = await setUp();
    picture.enable();
    mouse.isMoving = true;
    camera.setState({ x: 0.6 });
    nextFrame();
    nextFrame();
    // The pointer still drags.
    expect(fake.scheduleRender).not.toHaveBeenCalled();
    mouse.isMoving = false;
    nextFrame();
    expect(fake.scheduleRender).toHaveBeenCalledTimes(1);
    drawn();
    expect(transforms()).toEqual(["", "", ""]);
    // The next move is a shift from where sigma drew.
    camera.setState({ x: 0.7 });
    expect(transforms()[0]).toBe("translate(-50px, 0px) scale(1)");
  });

  it("leaves a turn of the view to sigma", async () => {
    const { camera, drawOwn, picture, transforms } = await setUp();
    picture.enable();
    camera.setState({ angle: 0.3 });
    expect(drawOwn).toHaveBeenCalledTimes(1);
    expect(transforms()).toEqual(["", "", ""]);
  });

  it("draws a shifted picture at once when a pointer presses on it, and only then", async () => {
    const { camera, picture, fake, container } = await setUp();
    picture.enable();
    container.dispatchEvent(new Event("pointerdown"));
    expect(fake.refresh).not.toHaveBeenCalled();
    camera.setState({ x: 0.6 });
    container.dispatchEvent(new Event("pointerdown"));
    expect(fake.refresh).toHaveBeenCalledTimes(1);
  });

  it("gives sigma its own listener back when disposed of", async () => {
    const { camera, drawOwn, picture, transforms, container, fake } = await setUp();
    picture.enable();
    picture.dispose();
    camera.setState({ x: 0.6 });
    expect(drawOwn).toHaveBeenCalledTimes(1);
    expect(transforms()).toEqual(["", "", ""]);
    container.dispatchEvent(new Event("pointerdown"));
    expect(fake.refresh).not.toHaveBeenCalled();
  });
});
