/** The name of the platform Candor is built into, as users see it ("Share usage information with 10KC"). */
export const platformName = () => process.env.PLATFORM_NAME?.trim() || "10KC";
