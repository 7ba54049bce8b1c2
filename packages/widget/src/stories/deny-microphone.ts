/**
 * Makes `getUserMedia` refuse as a browser does when the site's microphone is blocked; returns
 * the cleanup for a story's `beforeEach`.
 */
export function denyMicrophone(): () => void {
  const refuse = () => Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
  Object.defineProperty(navigator, "mediaDevices", { configurable: true, value: { getUserMedia: refuse } });
  return () => {
    Reflect.deleteProperty(navigator, "mediaDevices");
  };
}
